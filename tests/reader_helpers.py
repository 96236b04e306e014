"""Helpers shared by the reader-site tests: the public URLs of a data set."""

from django.urls import reverse
from taggit.models import Tag, TaggedItem

from articles.models import Article, ArticleAuthor, Author, Section, Source


def public_urls() -> list[str]:
    """Every kind of public page for the current data (with a real article, section, author...)."""
    urls = [
        reverse("articles:home"),
        reverse("articles:search") + "?q=news",
        reverse("articles:search"),
        reverse("feeds:rss"),
        reverse("feeds:atom"),
        reverse("sitemaps:index"),
        reverse("sitemaps:news"),
        reverse("robots"),
    ]
    for section in Section.objects.all():
        urls += [
            section.get_absolute_url(),
            reverse("feeds:section-rss", kwargs={"section_path": section.path}),
            reverse("feeds:section-atom", kwargs={"section_path": section.path}),
        ]
    for article in Article.objects.published().select_related("section"):
        urls.append(article.get_absolute_url())
        day = article.published_on
        urls.append(
            reverse(
                "articles:section-day",
                kwargs={"section_path": article.section.path, "day": day},
            )
        )
    # An author's, source's or tag's page exists while it has a public story (404 otherwise).
    public = Article.objects.published()
    authors = Author.objects.filter(pk__in=ArticleAuthor.objects.filter(article__in=public).values("author"))
    urls += [author.get_absolute_url() for author in authors.order_by("pk")]
    urls += [source.get_absolute_url() for source in Source.objects.filter(pk__in=public.values("source"))]
    tagged = TaggedItem.objects.filter(content_type__model="article", object_id__in=public.values("pk"))
    tags = Tag.objects.filter(pk__in=tagged.values("tag"))
    urls += [reverse("articles:tag", kwargs={"slug": tag.slug}) for tag in tags.order_by("pk")]
    return urls
