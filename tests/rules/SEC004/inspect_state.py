import pickle, sys; state = pickle.load(open(sys.argv[1], "rb"))  # [SEC004]
# (line 1 follows a UTF-8 byte order mark) positive above: module-level pickle.load
# negative: writing the state back out is never flagged
sys.stdout.buffer.write(pickle.dumps(state, protocol=2))
