"""Question banks: the YAML schema and its rules, fields, answer maps, and the loaded model.

``model`` holds what the rest of the program uses (Bank, Item, load_banks);
``schema``, ``rules`` and ``fields`` check a bank file before it is trusted.
"""
