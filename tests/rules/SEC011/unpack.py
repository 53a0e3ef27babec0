"""Unpacks uploaded plugin bundles."""
import tarfile
import tarfile as tf_mod
import zipfile
from tarfile import TarFile
from zipfile import ZipFile

PLUGIN_DIR = "/srv/plugins"


def unpack_bundle(upload, dest):
    # positive: `with tarfile.open(...) as tf`, then extractall without a filter
    with tarfile.open(upload) as tf:
        tf.extractall(dest)  # [SEC011]


def unpack_one(upload, dest, name):
    # positive: an assignment, then extract of one member without a filter
    archive = tf_mod.open(upload, "r:gz")
    archive.extract(name, dest)  # [SEC011]
    archive.close()


def unpack_direct(upload):
    # positive: on the tarfile.open(...) call itself, and on TarFile(...)
    tarfile.open(upload).extractall()  # [SEC011]
    TarFile(upload).extractall(path=PLUGIN_DIR, numeric_owner=True)  # [SEC011]


def unpack_trusted(upload, dest):
    # positive: filters that filter nothing
    with tarfile.open(upload) as bundle:
        bundle.extractall(dest, filter="fully_trusted")  # [SEC011]
        bundle.extractall(dest, filter=tarfile.fully_trusted_filter)  # [SEC011]
        bundle.extractall(dest, filter=None)  # [SEC011]


def unpack_filtered(upload, dest, chosen, **options):
    # negative: a filter that filters, or members chosen by the caller
    with tarfile.open(upload) as bundle:
        bundle.extractall(dest, filter="data")
        bundle.extractall(dest, filter=tarfile.tar_filter)
        bundle.extract("manifest.json", dest, filter="data")
        bundle.extractall(dest, members=chosen)
        bundle.extractall(dest, chosen)
        # negative: **options may carry the filter
        bundle.extractall(dest, **options)


def unpack_zip(upload, dest):
    # positive (information): a zip extracted into a non-literal destination
    with zipfile.ZipFile(upload) as zf:
        zf.extractall(dest)  # [SEC011]
    bundle = ZipFile(upload)
    bundle.extractall(path=dest + "/x")  # [SEC011]
    # negative: zip without a path, or to a literal path; zip extract is not flagged
    bundle.extractall()
    bundle.extractall("plugins")
    bundle.extractall(PLUGIN_DIR)
    bundle.extract("manifest.json", dest)


def other_objects(archive, upload, dest):
    # negative: a parameter or an object of another kind is not a tarfile object
    archive.extractall(dest)
    data = open(upload, "rb")
    data.extract(dest)
    # negative: rebound to something else before the call
    tf = tarfile.open(upload)
    tf = archive
    tf.extractall(dest)


def elsewhere(dest):
    # negative: `tf` is bound to a tarfile in another function, not this one
    tf = make_tar()
    tf.extractall(dest)


def make_tar():
    return tarfile.open("bundle.tar")
