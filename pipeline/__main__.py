"""Allow `python -m pipeline`, the same as the `outcome` command."""

from pipeline.cli import main

main()
