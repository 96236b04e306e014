"""Helpers shared by the reader-site tests: the public URLs of a data set."""

from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, Author, Section, Source


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
    urls += [author.get_absolute_url() for author in Author.objects.all()]
    urls += [source.get_absolute_url() for source in Source.objects.all()]
    urls += [reverse("articles:tag", kwargs={"slug": tag.slug}) for tag in Tag.objects.all()]
    return urls
