"""PDF briefs: organisation, contact, meeting preparation and period digest.

Gathering and layout are separate: :mod:`app.briefing.gather` turns the database into the plain
dataclasses of :mod:`app.briefing.data`; :mod:`app.briefing.render` lays those out with
reportlab (page template in :mod:`~app.briefing.layout`, charts in :mod:`~app.briefing.charts`).
``ketnoi brief …`` is in :mod:`app.briefing.commands`.

From a worker thread::

    with read_session(engine) as session:
        brief = gather_organisation(session, find_organisation(session, "NIC"))
    render_organisation(brief, path, paper="a4", lang="vi", progress=report)
"""
