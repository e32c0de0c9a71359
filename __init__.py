"""referat: Danish meeting agendas and minutes to structured, validated JSON.

Example:
    >>> from referat.extract import extract_file
    >>> document = extract_file("corpus/kommune-edoc-referat.pdf")  # doctest: +SKIP
    >>> document.meetings[0].items[0].title  # doctest: +SKIP
    'Meddelelser'
"""

__version__ = "0.2.0"
