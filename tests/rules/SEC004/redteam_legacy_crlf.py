# Python 2 module with CRLF line ends and tab indentation.
import cPickle
import yaml


def restore(path):
	print "restoring", path
	# positive: cPickle.load and yaml.load without a loader
	state = cPickle.load(open(path, "rb"))  # [SEC004]
	return yaml.load(state)  # [SEC004]
