"""`python -m countyreports.cli`."""

from countyreports.cli import main

main()
