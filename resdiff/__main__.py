"""``python -m resdiff``: the same as the ``resdiff`` command."""

from resdiff.cli import main

main(prog_name="resdiff")
