def f():
    return 1
    print("né")  # [DED004]
