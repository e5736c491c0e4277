from countyreports.models import Cleaned
def clean_text(text: str) -> Cleaned:
    return Cleaned(text)
