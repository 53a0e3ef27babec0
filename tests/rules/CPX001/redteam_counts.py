"""Statement counts at the 50/51 boundary."""
import logging
import os

log = logging.getLogger(__name__)
lock = None
G = {}


# negative: 50 statements; the docstring, the decorator and the comment do not count
@staticmethod
def fifty():
    """Doc."""
    # a comment
    v0 = 0
    v1 = 1
    v2 = 2
    v3 = 3
    v4 = 4
    v5 = 5
    v6 = 6
    v7 = 7
    v8 = 8
    v9 = 9
    v10 = 10
    v11 = 11
    v12 = 12
    v13 = 13
    v14 = 14
    v15 = 15
    v16 = 16
    v17 = 17
    v18 = 18
    v19 = 19
    v20 = 20
    v21 = 21
    v22 = 22
    v23 = 23
    v24 = 24
    v25 = 25
    v26 = 26
    v27 = 27
    v28 = 28
    v29 = 29
    v30 = 30
    v31 = 31
    v32 = 32
    v33 = 33
    v34 = 34
    v35 = 35
    v36 = 36
    v37 = 37
    v38 = 38
    v39 = 39
    v40 = 40
    v41 = 41
    v42 = 42
    v43 = 43
    v44 = 44
    v45 = 45
    v46 = 46
    v47 = 47
    v48 = 48
    v49 = 49


# positive: 12 if/elif/else chains (4 each) + 3 = 51
def chains(a):  # [CPX001]
    if a == 0:
        x = 1
    elif a == -0:
        x = 2
    else:
        x = 3
    if a == 1:
        x = 1
    elif a == -1:
        x = 2
    else:
        x = 3
    if a == 2:
        x = 1
    elif a == -2:
        x = 2
    else:
        x = 3
    if a == 3:
        x = 1
    elif a == -3:
        x = 2
    else:
        x = 3
    if a == 4:
        x = 1
    elif a == -4:
        x = 2
    else:
        x = 3
    if a == 5:
        x = 1
    elif a == -5:
        x = 2
    else:
        x = 3
    if a == 6:
        x = 1
    elif a == -6:
        x = 2
    else:
        x = 3
    if a == 7:
        x = 1
    elif a == -7:
        x = 2
    else:
        x = 3
    if a == 8:
        x = 1
    elif a == -8:
        x = 2
    else:
        x = 3
    if a == 9:
        x = 1
    elif a == -9:
        x = 2
    else:
        x = 3
    if a == 10:
        x = 1
    elif a == -10:
        x = 2
    else:
        x = 3
    if a == 11:
        x = 1
    elif a == -11:
        x = 2
    else:
        x = 3
    v0 = 0
    v1 = 1
    v2 = 2


# negative: 12 if/elif/else chains (4 each) + 2 = 50
def chains_fifty(a):
    if a == 0:
        x = 1
    elif a == -0:
        x = 2
    else:
        x = 3
    if a == 1:
        x = 1
    elif a == -1:
        x = 2
    else:
        x = 3
    if a == 2:
        x = 1
    elif a == -2:
        x = 2
    else:
        x = 3
    if a == 3:
        x = 1
    elif a == -3:
        x = 2
    else:
        x = 3
    if a == 4:
        x = 1
    elif a == -4:
        x = 2
    else:
        x = 3
    if a == 5:
        x = 1
    elif a == -5:
        x = 2
    else:
        x = 3
    if a == 6:
        x = 1
    elif a == -6:
        x = 2
    else:
        x = 3
    if a == 7:
        x = 1
    elif a == -7:
        x = 2
    else:
        x = 3
    if a == 8:
        x = 1
    elif a == -8:
        x = 2
    else:
        x = 3
    if a == 9:
        x = 1
    elif a == -9:
        x = 2
    else:
        x = 3
    if a == 10:
        x = 1
    elif a == -10:
        x = 2
    else:
        x = 3
    if a == 11:
        x = 1
    elif a == -11:
        x = 2
    else:
        x = 3
    v0 = 0
    v1 = 1


# negative: except* clauses are not statements: 12 x 4 + 2 = 50
def groups_fifty():
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    v0 = 0
    v1 = 1


# positive: 12 x 4 + 3 = 51
def groups():  # [CPX001]
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    try:
        x = 1
    except* ValueError:
        x = 2
    except* TypeError:
        x = 3
    v0 = 0
    v1 = 1
    v2 = 2


# negative: 10 match statements with 4 cases (5 each) = 50
def matches_fifty(a):
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4


# positive: the same + 1 = 51
def matches(a):  # [CPX001]
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    match a:
        case 1:
            x = 1
        case 2:
            x = 2
        case [y, *_] if y:
            x = 3
        case _:
            x = 4
    v0 = 0


# negative: 48 + a decorated nested def (1) + return (1) = 50
def outer_fifty():
    v0 = 0
    v1 = 1
    v2 = 2
    v3 = 3
    v4 = 4
    v5 = 5
    v6 = 6
    v7 = 7
    v8 = 8
    v9 = 9
    v10 = 10
    v11 = 11
    v12 = 12
    v13 = 13
    v14 = 14
    v15 = 15
    v16 = 16
    v17 = 17
    v18 = 18
    v19 = 19
    v20 = 20
    v21 = 21
    v22 = 22
    v23 = 23
    v24 = 24
    v25 = 25
    v26 = 26
    v27 = 27
    v28 = 28
    v29 = 29
    v30 = 30
    v31 = 31
    v32 = 32
    v33 = 33
    v34 = 34
    v35 = 35
    v36 = 36
    v37 = 37
    v38 = 38
    v39 = 39
    v40 = 40
    v41 = 41
    v42 = 42
    v43 = 43
    v44 = 44
    v45 = 45
    v46 = 46
    v47 = 47

    @staticmethod
    # positive: the nested def has 51 statements of its own
    def inner():  # [CPX001]
        v0 = 0
        v1 = 1
        v2 = 2
        v3 = 3
        v4 = 4
        v5 = 5
        v6 = 6
        v7 = 7
        v8 = 8
        v9 = 9
        v10 = 10
        v11 = 11
        v12 = 12
        v13 = 13
        v14 = 14
        v15 = 15
        v16 = 16
        v17 = 17
        v18 = 18
        v19 = 19
        v20 = 20
        v21 = 21
        v22 = 22
        v23 = 23
        v24 = 24
        v25 = 25
        v26 = 26
        v27 = 27
        v28 = 28
        v29 = 29
        v30 = 30
        v31 = 31
        v32 = 32
        v33 = 33
        v34 = 34
        v35 = 35
        v36 = 36
        v37 = 37
        v38 = 38
        v39 = 39
        v40 = 40
        v41 = 41
        v42 = 42
        v43 = 43
        v44 = 44
        v45 = 45
        v46 = 46
        v47 = 47
        v48 = 48
        v49 = 49
        v50 = 50

    return inner


# negative: 48 + a nested class (1) + return (1) = 50
def outer_class():
    v0 = 0
    v1 = 1
    v2 = 2
    v3 = 3
    v4 = 4
    v5 = 5
    v6 = 6
    v7 = 7
    v8 = 8
    v9 = 9
    v10 = 10
    v11 = 11
    v12 = 12
    v13 = 13
    v14 = 14
    v15 = 15
    v16 = 16
    v17 = 17
    v18 = 18
    v19 = 19
    v20 = 20
    v21 = 21
    v22 = 22
    v23 = 23
    v24 = 24
    v25 = 25
    v26 = 26
    v27 = 27
    v28 = 28
    v29 = 29
    v30 = 30
    v31 = 31
    v32 = 32
    v33 = 33
    v34 = 34
    v35 = 35
    v36 = 36
    v37 = 37
    v38 = 38
    v39 = 39
    v40 = 40
    v41 = 41
    v42 = 42
    v43 = 43
    v44 = 44
    v45 = 45
    v46 = 46
    v47 = 47

    class Inner:
        # positive: its method has 51
        def method(self):  # [CPX001]
            v0 = 0
            v1 = 1
            v2 = 2
            v3 = 3
            v4 = 4
            v5 = 5
            v6 = 6
            v7 = 7
            v8 = 8
            v9 = 9
            v10 = 10
            v11 = 11
            v12 = 12
            v13 = 13
            v14 = 14
            v15 = 15
            v16 = 16
            v17 = 17
            v18 = 18
            v19 = 19
            v20 = 20
            v21 = 21
            v22 = 22
            v23 = 23
            v24 = 24
            v25 = 25
            v26 = 26
            v27 = 27
            v28 = 28
            v29 = 29
            v30 = 30
            v31 = 31
            v32 = 32
            v33 = 33
            v34 = 34
            v35 = 35
            v36 = 36
            v37 = 37
            v38 = 38
            v39 = 39
            v40 = 40
            v41 = 41
            v42 = 42
            v43 = 43
            v44 = 44
            v45 = 45
            v46 = 46
            v47 = 47
            v48 = 48
            v49 = 49
            v50 = 50

    return Inner


# positive: for/else, while, with: 7 x 7 + async with (1) + pass (1) = 51
async def loops():  # [CPX001]
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    async with lock:
        pass


# negative: 7 x 7 + 1 = 50
def loops_fifty():
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    for i in range(3):
        x = i
    else:
        x = 0
    while x:
        x -= 1
    with open('f') as fh:
        x = fh
    pass


# negative: 50 statements holding lambdas and comprehensions
def lambdas():
    f0 = lambda y: [z for z in y if (lambda q: q)(z)]
    f1 = lambda y: [z for z in y if (lambda q: q)(z)]
    f2 = lambda y: [z for z in y if (lambda q: q)(z)]
    f3 = lambda y: [z for z in y if (lambda q: q)(z)]
    f4 = lambda y: [z for z in y if (lambda q: q)(z)]
    f5 = lambda y: [z for z in y if (lambda q: q)(z)]
    f6 = lambda y: [z for z in y if (lambda q: q)(z)]
    f7 = lambda y: [z for z in y if (lambda q: q)(z)]
    f8 = lambda y: [z for z in y if (lambda q: q)(z)]
    f9 = lambda y: [z for z in y if (lambda q: q)(z)]
    f10 = lambda y: [z for z in y if (lambda q: q)(z)]
    f11 = lambda y: [z for z in y if (lambda q: q)(z)]
    f12 = lambda y: [z for z in y if (lambda q: q)(z)]
    f13 = lambda y: [z for z in y if (lambda q: q)(z)]
    f14 = lambda y: [z for z in y if (lambda q: q)(z)]
    f15 = lambda y: [z for z in y if (lambda q: q)(z)]
    f16 = lambda y: [z for z in y if (lambda q: q)(z)]
    f17 = lambda y: [z for z in y if (lambda q: q)(z)]
    f18 = lambda y: [z for z in y if (lambda q: q)(z)]
    f19 = lambda y: [z for z in y if (lambda q: q)(z)]
    f20 = lambda y: [z for z in y if (lambda q: q)(z)]
    f21 = lambda y: [z for z in y if (lambda q: q)(z)]
    f22 = lambda y: [z for z in y if (lambda q: q)(z)]
    f23 = lambda y: [z for z in y if (lambda q: q)(z)]
    f24 = lambda y: [z for z in y if (lambda q: q)(z)]
    f25 = lambda y: [z for z in y if (lambda q: q)(z)]
    f26 = lambda y: [z for z in y if (lambda q: q)(z)]
    f27 = lambda y: [z for z in y if (lambda q: q)(z)]
    f28 = lambda y: [z for z in y if (lambda q: q)(z)]
    f29 = lambda y: [z for z in y if (lambda q: q)(z)]
    f30 = lambda y: [z for z in y if (lambda q: q)(z)]
    f31 = lambda y: [z for z in y if (lambda q: q)(z)]
    f32 = lambda y: [z for z in y if (lambda q: q)(z)]
    f33 = lambda y: [z for z in y if (lambda q: q)(z)]
    f34 = lambda y: [z for z in y if (lambda q: q)(z)]
    f35 = lambda y: [z for z in y if (lambda q: q)(z)]
    f36 = lambda y: [z for z in y if (lambda q: q)(z)]
    f37 = lambda y: [z for z in y if (lambda q: q)(z)]
    f38 = lambda y: [z for z in y if (lambda q: q)(z)]
    f39 = lambda y: [z for z in y if (lambda q: q)(z)]
    f40 = lambda y: [z for z in y if (lambda q: q)(z)]
    f41 = lambda y: [z for z in y if (lambda q: q)(z)]
    f42 = lambda y: [z for z in y if (lambda q: q)(z)]
    f43 = lambda y: [z for z in y if (lambda q: q)(z)]
    f44 = lambda y: [z for z in y if (lambda q: q)(z)]
    f45 = lambda y: [z for z in y if (lambda q: q)(z)]
    f46 = lambda y: [z for z in y if (lambda q: q)(z)]
    f47 = lambda y: [z for z in y if (lambda q: q)(z)]
    f48 = lambda y: [z for z in y if (lambda q: q)(z)]
    f49 = lambda y: [z for z in y if (lambda q: q)(z)]


# positive: a private function is checked too
def _private():  # [CPX001]
    v0 = 0
    v1 = 1
    v2 = 2
    v3 = 3
    v4 = 4
    v5 = 5
    v6 = 6
    v7 = 7
    v8 = 8
    v9 = 9
    v10 = 10
    v11 = 11
    v12 = 12
    v13 = 13
    v14 = 14
    v15 = 15
    v16 = 16
    v17 = 17
    v18 = 18
    v19 = 19
    v20 = 20
    v21 = 21
    v22 = 22
    v23 = 23
    v24 = 24
    v25 = 25
    v26 = 26
    v27 = 27
    v28 = 28
    v29 = 29
    v30 = 30
    v31 = 31
    v32 = 32
    v33 = 33
    v34 = 34
    v35 = 35
    v36 = 36
    v37 = 37
    v38 = 38
    v39 = 39
    v40 = 40
    v41 = 41
    v42 = 42
    v43 = 43
    v44 = 44
    v45 = 45
    v46 = 46
    v47 = 47
    v48 = 48
    v49 = 49
    v50 = 50


class Holder:
    # positive: a dunder method is checked too
    def __init__(self):  # [CPX001]
        self.v0 = 0
        self.v1 = 1
        self.v2 = 2
        self.v3 = 3
        self.v4 = 4
        self.v5 = 5
        self.v6 = 6
        self.v7 = 7
        self.v8 = 8
        self.v9 = 9
        self.v10 = 10
        self.v11 = 11
        self.v12 = 12
        self.v13 = 13
        self.v14 = 14
        self.v15 = 15
        self.v16 = 16
        self.v17 = 17
        self.v18 = 18
        self.v19 = 19
        self.v20 = 20
        self.v21 = 21
        self.v22 = 22
        self.v23 = 23
        self.v24 = 24
        self.v25 = 25
        self.v26 = 26
        self.v27 = 27
        self.v28 = 28
        self.v29 = 29
        self.v30 = 30
        self.v31 = 31
        self.v32 = 32
        self.v33 = 33
        self.v34 = 34
        self.v35 = 35
        self.v36 = 36
        self.v37 = 37
        self.v38 = 38
        self.v39 = 39
        self.v40 = 40
        self.v41 = 41
        self.v42 = 42
        self.v43 = 43
        self.v44 = 44
        self.v45 = 45
        self.v46 = 46
        self.v47 = 47
        self.v48 = 48
        self.v49 = 49
        self.v50 = 50


# negative: 50 multi-line calls count 1 each
def multi_line_calls():
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )
    log.info(
        'x %s',
        1,
    )


# positive: docstring + 49 + a later string statement + 1 = 51
def late_string():  # [CPX001]
    """Doc."""
    v0 = 0
    v1 = 1
    v2 = 2
    v3 = 3
    v4 = 4
    v5 = 5
    v6 = 6
    v7 = 7
    v8 = 8
    v9 = 9
    v10 = 10
    v11 = 11
    v12 = 12
    v13 = 13
    v14 = 14
    v15 = 15
    v16 = 16
    v17 = 17
    v18 = 18
    v19 = 19
    v20 = 20
    v21 = 21
    v22 = 22
    v23 = 23
    v24 = 24
    v25 = 25
    v26 = 26
    v27 = 27
    v28 = 28
    v29 = 29
    v30 = 30
    v31 = 31
    v32 = 32
    v33 = 33
    v34 = 34
    v35 = 35
    v36 = 36
    v37 = 37
    v38 = 38
    v39 = 39
    v40 = 40
    v41 = 41
    v42 = 42
    v43 = 43
    v44 = 44
    v45 = 45
    v46 = 46
    v47 = 47
    v48 = 48
    """Not a docstring."""
    return 1


# positive: an f-string first statement is not a docstring: 1 + 50 = 51
def fstring_first(a):  # [CPX001]
    f"Report for {a}"
    v0 = 0
    v1 = 1
    v2 = 2
    v3 = 3
    v4 = 4
    v5 = 5
    v6 = 6
    v7 = 7
    v8 = 8
    v9 = 9
    v10 = 10
    v11 = 11
    v12 = 12
    v13 = 13
    v14 = 14
    v15 = 15
    v16 = 16
    v17 = 17
    v18 = 18
    v19 = 19
    v20 = 20
    v21 = 21
    v22 = 22
    v23 = 23
    v24 = 24
    v25 = 25
    v26 = 26
    v27 = 27
    v28 = 28
    v29 = 29
    v30 = 30
    v31 = 31
    v32 = 32
    v33 = 33
    v34 = 34
    v35 = 35
    v36 = 36
    v37 = 37
    v38 = 38
    v39 = 39
    v40 = 40
    v41 = 41
    v42 = 42
    v43 = 43
    v44 = 44
    v45 = 45
    v46 = 46
    v47 = 47
    v48 = 48
    v49 = 49


# negative: a raw-string docstring + 50
def raw_doc():
    r"""Doc with \d."""
    v0 = 0
    v1 = 1
    v2 = 2
    v3 = 3
    v4 = 4
    v5 = 5
    v6 = 6
    v7 = 7
    v8 = 8
    v9 = 9
    v10 = 10
    v11 = 11
    v12 = 12
    v13 = 13
    v14 = 14
    v15 = 15
    v16 = 16
    v17 = 17
    v18 = 18
    v19 = 19
    v20 = 20
    v21 = 21
    v22 = 22
    v23 = 23
    v24 = 24
    v25 = 25
    v26 = 26
    v27 = 27
    v28 = 28
    v29 = 29
    v30 = 30
    v31 = 31
    v32 = 32
    v33 = 33
    v34 = 34
    v35 = 35
    v36 = 36
    v37 = 37
    v38 = 38
    v39 = 39
    v40 = 40
    v41 = 41
    v42 = 42
    v43 = 43
    v44 = 44
    v45 = 45
    v46 = 46
    v47 = 47
    v48 = 48
    v49 = 49


# positive: 17 x `if x: a; b` (3 each) = 51
def compact(x):  # [CPX001]
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2
    if x: a = 1; b = 2


# positive: global, assert, del, pass and imports count: 8 x 6 + 3 = 51
def misc():  # [CPX001]
    global G
    assert G
    del G['k']
    pass
    import os
    from os import path
    global G
    assert G
    del G['k']
    pass
    import os
    from os import path
    global G
    assert G
    del G['k']
    pass
    import os
    from os import path
    global G
    assert G
    del G['k']
    pass
    import os
    from os import path
    global G
    assert G
    del G['k']
    pass
    import os
    from os import path
    global G
    assert G
    del G['k']
    pass
    import os
    from os import path
    global G
    assert G
    del G['k']
    pass
    import os
    from os import path
    global G
    assert G
    del G['k']
    pass
    import os
    from os import path
    v0 = 0
    v1 = 1
    v2 = 2


# negative: a comment, then the docstring, then 50
def comment_first():
    # comment
    """Doc."""
    v0 = 0
    v1 = 1
    v2 = 2
    v3 = 3
    v4 = 4
    v5 = 5
    v6 = 6
    v7 = 7
    v8 = 8
    v9 = 9
    v10 = 10
    v11 = 11
    v12 = 12
    v13 = 13
    v14 = 14
    v15 = 15
    v16 = 16
    v17 = 17
    v18 = 18
    v19 = 19
    v20 = 20
    v21 = 21
    v22 = 22
    v23 = 23
    v24 = 24
    v25 = 25
    v26 = 26
    v27 = 27
    v28 = 28
    v29 = 29
    v30 = 30
    v31 = 31
    v32 = 32
    v33 = 33
    v34 = 34
    v35 = 35
    v36 = 36
    v37 = 37
    v38 = 38
    v39 = 39
    v40 = 40
    v41 = 41
    v42 = 42
    v43 = 43
    v44 = 44
    v45 = 45
    v46 = 46
    v47 = 47
    v48 = 48
    v49 = 49
