"""``python -m countyreports.sandbox FD``: a child of the sandbox pool, serving its parent at the end of socket FD
(countyreports.sandbox.child; the pool starts it)."""

from countyreports.sandbox.child import main

main()
