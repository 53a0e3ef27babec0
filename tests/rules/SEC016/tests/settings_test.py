"""Test settings: SEC016 is off in test code."""
# negative: a test file (in a tests folder)
DEBUG = True


def test_server(app):
    # negative: in tests
    app.run(debug=True)
