# Python 2 Django view
from django.utils.html import mark_safe


def greet(request):
    name = request.GET["name"]
    print "greeting", name
    # positive: Python 2 file, mark_safe re-exported by django.utils.html
    return mark_safe(u"<b>" + name + u"</b>")  # [SEC017]
