# positive: a settings*.py file, annotated assignment
DEBUG: bool = True  # [SEC016]
