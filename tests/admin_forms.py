"""Helpers that turn an admin change form, as served, into the POST a browser would send."""

from __future__ import annotations


def _value(bound_field):
    value = bound_field.value()
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def change_form_data(response, **changes) -> dict:
    """The fields of the served change form and its inlines, with `changes` applied."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        data[form.add_prefix(name)] = _value(form[name])
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            value = management[name].value()
            if value is None:
                value = management.initial.get(name, "")
            data[management.add_prefix(name)] = "" if value is None else value
        for sub in formset.forms:
            for name in sub.fields:
                value = _value(sub[name])
                if value is not None and value is not False and value != "":
                    data[sub.add_prefix(name)] = value
    data = {k: v for k, v in data.items() if v is not False}
    data.update(changes)
    return data
