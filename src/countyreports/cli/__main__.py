"""`python -m countyreports.cli`."""

from countyreports.cli import app

app()
