"""`python -m referat` runs the command-line interface."""

from referat.cli import main

main()
