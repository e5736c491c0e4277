"""The counties: the national list of county-level divisions (`divisions`, data in ``registry/data/``),
registry files (`file`: read, validate, write, import homepages), what a run selects of a registry (`selection`:
counties, unknown ones with the nearest names, report years) and a portal's identity (`identity`: its
网站标识码 against the county's code).

Reads files, never the network or the warehouse. May import only the vocabulary (`models`, `errors`,
`settings`).
"""
