"""A file whose own `time` is not the time module."""


class time:
    @staticmethod
    def sleep(seconds):
        return seconds


def test_fake_clock():
    # negative: the file's own class `time` shadows the module
    time.sleep(10)
    assert True
