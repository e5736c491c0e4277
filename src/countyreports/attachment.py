"""placeholder"""
def docx_paragraphs(data): return []
def pdf_paragraphs(data): return []
