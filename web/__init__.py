"""``referat serve``: the archive as a local web application (Starlette, Jinja2 templates,
uvicorn), server-rendered and in Danish. Needs the ``web`` extra: ``pip install 'referat[web]'``."""
