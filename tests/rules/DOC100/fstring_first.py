f"""not a docstring {__name__}"""  # [DOC100]
