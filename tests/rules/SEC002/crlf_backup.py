"""Nightly backup job (this file has CRLF line endings)."""
import os
import subprocess


def dump_database(name, target):
    # positive: CRLF file, shell=True with an f-string
    subprocess.run(f"pg_dump {name} > {target}", shell=True, check=True)  # [SEC002]


def compress(target):
    # negative: argument list without a shell
    subprocess.run(["gzip", "-9", target], check=True)


def upload(target, bucket):
    # positive: CRLF file, os.system with % formatting
    os.system("aws s3 cp %s s3://%s/" % (target, bucket))  # [SEC002]
