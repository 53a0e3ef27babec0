"""Query helpers for the blog app (Django ORM)."""
from django.db.models.expressions import RawSQL

from blog.models import Article, Comment


def articles_by_author(author):
    # positive: raw() with %-built SQL
    return Article.objects.raw("SELECT * FROM blog_article WHERE author = '%s'" % author)  # [SEC001]


def annotate_score(queryset, weight):
    # positive: RawSQL() with an f-string
    return queryset.annotate(score=RawSQL(f"SELECT count(*) * {weight} FROM blog_comment", ()))  # [SEC001]


def published_since(request):
    since = request.GET.get("since")
    # positive: a where= fragment of .extra() (fragments need no SQL keyword)
    return Article.objects.extra(where=["published_at > '%s'" % since])  # [SEC001]


def sorted_comments(request):
    order = request.GET.get("order", "created")
    # negative: the select= fragment is literal (the order_by= one is flagged below)
    return Comment.objects.extra(
        select={"is_recent": "created > now() - interval '1 day'"},
        # positive: an order_by= fragment built with +
        order_by=["-" + order],  # [SEC001]
    )


def with_distance(queryset, lat, lng):
    # positive: a select= fragment built with .format()
    return queryset.extra(select={"distance": "point(lat, lng) <@> point({}, {})".format(lat, lng)})  # [SEC001]


def tenant_orders(queryset, tenant):
    # positive: a tables= fragment built with an f-string
    return queryset.extra(tables=[f"tenant_{tenant}.orders"])  # [SEC001]


def article_titles(author):
    # negative: raw() with literal SQL and params
    return Article.objects.raw("SELECT id, title FROM blog_article WHERE author = %s", [author])


def published(queryset, author_id):
    # negative: literal .extra() fragments with params
    return queryset.extra(where=["published_at IS NOT NULL", "author_id = %s"], params=[author_id])
