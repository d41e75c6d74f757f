/// The style sheet of every printout, kept inside the page so the file needs nothing else.
///
/// Screens narrower than a page (a phone) get one column and tables that scroll sideways inside
/// their box; paper gets A4 margins, a new page before each section and tables, rows and
/// pictures never cut across a page break. Colour is never the only sign: every score also has
/// its word and a shape.
enum PageStyle {
    static let fonts = "\"Noto Sans\", \"DejaVu Sans\", \"Noto Sans Arabic\", \"Noto Naskh Arabic\", \"Noto Sans CJK SC\", \"Noto Sans CJK JP\", \"WenQuanYi Zen Hei\", sans-serif"

    static let common = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    html { font-family: \(fonts); font-size: 12pt; line-height: 1.45; color: #111; background: #fff; }
    body { margin: 0 auto; padding: 1rem; max-width: 52rem; }
    h1, h2, h3 { line-height: 1.2; break-after: avoid; page-break-after: avoid; }
    h1 { font-size: 1.9rem; margin: 0 0 .5rem; }
    h2 { font-size: 1.45rem; margin: 1.5rem 0 .6rem; border-bottom: 2px solid #444; padding-bottom: .2rem; }
    h3 { font-size: 1.15rem; margin: 1.1rem 0 .4rem; }
    p, li, dd { overflow-wrap: anywhere; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .muted { color: #444; }
    .name { white-space: nowrap; }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
    caption { text-align: left; font-weight: bold; padding: .3rem 0; }
    th, td { border: 1px solid #777; padding: .35rem .5rem; text-align: start; vertical-align: top; overflow-wrap: break-word; }
    th { background: #eee; }
    thead { display: table-header-group; }
    tr, figure, svg, .keep { break-inside: avoid; page-break-inside: avoid; }
    .table-box { overflow-x: auto; }
    .rag { font-weight: bold; white-space: nowrap; }
    .rag-red { color: #a3001b; } .rag-amber { color: #8a4b00; } .rag-green { color: #14532d; }
    svg { display: block; width: 100%; height: auto; max-width: 34rem; }
    figure { margin: 0 0 1rem; }
    figcaption { font-size: .95rem; color: #333; }
    @media (max-width: 40rem) {
      html { font-size: 13pt; }
      body { padding: .6rem; }
      h1 { font-size: 1.6rem; }
    }
    @page { size: A4; margin: 16mm 15mm; }
    @media print {
      body { max-width: none; padding: 0; }
      .table-box { overflow: visible; }
      a { color: inherit; text-decoration: none; }
    }
    """

    static let report = common + """

    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
    .facts dt { font-weight: bold; } .facts dd { margin: 0; }
    .goal { font-size: 1.3rem; font-weight: bold; border-inline-start: 6px solid #444; padding: .4rem .8rem; margin: .5rem 0 1rem; }
    .board { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
    .story { border-inline-start: 4px solid #999; padding-inline-start: .8rem; margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
    @media (max-width: 40rem) { .board { grid-template-columns: 1fr; } }
    @media print {
      section { break-before: page; page-break-before: always; }
      section.first { break-before: auto; page-break-before: auto; }
      .board { gap: 6mm; }
    }
    """

    static let letters = common + """

    article.letter { margin: 0 0 3rem; }
    .letter h2 { font-size: 1.5em; margin-top: .6em; } .letter h3 { font-size: 1.2em; margin: .9em 0 .3em; }
    .letter .from { color: #333; margin: 0 0 .6em; }
    .letter .goal { font-weight: bold; border-inline-start: 6px solid #444; padding: .2em .7em; }
    .letter ol { padding-inline-start: 1.6em; }
    .letter li { margin: 0 0 .8em; }
    .letter dl { display: grid; grid-template-columns: max-content 1fr; gap: .1em .8em; margin: .3em 0 0; }
    .letter dt { font-weight: bold; } .letter dd { margin: 0; }
    .letter .kind { font-style: italic; margin-top: 1em; }
    .large { font-size: 18pt; line-height: 1.35; }
    .easy { font-size: 15pt; line-height: 1.35; }
    .easy.large { font-size: 18pt; }
    .easy p { margin: 0 0 .35em; }
    .easy .kind p { margin: 0 0 .15em; }
    .easy .step { display: grid; grid-template-columns: 2.6em 1fr; gap: .2em .7em; align-items: start; margin: 0 0 .8em; break-inside: avoid; page-break-inside: avoid; }
    .easy .step svg { width: 2.6em; height: 2.6em; max-width: none; }
    .easy .line { display: grid; grid-template-columns: 1.4em 1fr; gap: .5em; align-items: center; margin: 0 0 .2em; }
    .easy .line p { margin: 0; }
    .easy .line svg { width: 1.4em; height: 1.4em; max-width: none; }
    @media print {
      article.letter { break-after: page; page-break-after: always; margin: 0; }
      article.letter:last-of-type { break-after: auto; page-break-after: auto; }
    }
    """
}
