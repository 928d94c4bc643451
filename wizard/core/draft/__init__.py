"""The practice's draft: the model, how answers are set, and how it is stored, backed up and opened.

``model`` is the data; ``answers`` changes it; ``store``, ``backups``, ``files``
and ``open`` keep it on disk without ever losing what was saved; ``carry``
brings last year's answers forward.
"""
