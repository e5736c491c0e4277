"""countyreports: harvest, parse and compare Chinese county governments' 法治政府建设年度报告."""

from countyreports import native as _native

__version__ = "0.1.0"

_native.activate(__path__, __name__)  # the compiled read path, when built for these sources (native.py)
