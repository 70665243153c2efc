import CageotCore

/// The coordinators' page of a group as plain HTML: no script, every text from the database
/// escaped, a little inline CSS that prints well.
struct GroupPageHTML {
    let page: DocumentService.GroupPage

    /// `?layout=NAME` for the chosen preset, or nothing for the group's default.
    private var layoutQuery: String { page.layout.map { "?layout=\($0)" } ?? "" }

    func render() -> String {
        let name = Self.escape(page.data.groupName)
        return """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(name) — prochaines distributions</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>\(name)</h1>
            \(picker())
            <h2>Prochaines distributions</h2>
            \(sessions())
            \(preview())
            </body>
            </html>

            """
    }

    private func picker() -> String {
        let options = page.presets.map { preset in
            let selected = preset.name == page.layout ? " selected" : ""
            let label = preset.description.isEmpty ? preset.name : "\(preset.name) — \(preset.description)"
            return #"<option value="\#(Self.escape(preset.name))"\#(selected)>\#(Self.escape(label))</option>"#
        }
        return """
            <form method="get" action="/groups/\(page.data.groupId)">
            <label for="layout">Mise en page des feuilles d’émargement</label>
            <select name="layout" id="layout">
            <option value=""\(page.layout == nil ? " selected" : "")>par défaut du groupe</option>
            \(options.joined(separator: "\n"))
            </select>
            <button type="submit">Afficher</button>
            </form>
            """
    }

    private func sessions() -> String {
        guard !page.data.sessions.isEmpty else { return "<p>Aucune distribution à venir.</p>" }
        let items = page.data.sessions.map { session in
            let distributions = session.distributions.map { distribution in
                var links = [#"<a href="/distributions/\#(distribution.id)/sheet.pdf?layout=matrix">matrice produits × foyers</a>"#]
                if distribution.isVariableContract {
                    links.insert(#"<a href="/distributions/\#(distribution.id)/sheet.pdf?layout=variable">feuille du contrat variable</a>"#, at: 0)
                }
                let vendor = distribution.vendorName.isEmpty ? "" : " (\(Self.escape(distribution.vendorName)))"
                return "<li>\(Self.escape(distribution.contractName))\(vendor) : \(links.joined(separator: " · "))</li>"
            }
            let place = session.placeName.isEmpty ? "" : " — \(Self.escape(session.placeName))"
            return """
                <li class="session"><strong>\(Self.when(session.start))</strong>\(place) — \(Self.baskets(session.baskets))
                <br><a href="/sessions/\(session.id)/sheet.pdf\(layoutQuery)">feuille d’émargement (PDF)</a>
                \(distributions.isEmpty ? "" : "<ul>\n\(distributions.joined(separator: "\n"))\n</ul>")
                </li>
                """
        }
        return "<ol>\n\(items.joined(separator: "\n"))\n</ol>"
    }

    private func preview() -> String {
        guard let first = page.data.sessions.first else { return "" }
        return """
            <h2>Aperçu : première page de la feuille du \(Self.when(first.start))</h2>
            <img class="preview" src="/sessions/\(first.id)/preview.png\(layoutQuery)" width="\(DocumentController.previewWidth)" alt="Première page de la feuille d’émargement du \(Self.when(first.start))">
            """
    }

    /// `jeudi 3 décembre 2026, 18h`.
    static func when(_ start: LocalDateTime) -> String {
        "\(FrenchFormat.longDate(start.date)), \(FrenchFormat.time(start))"
    }

    static func baskets(_ count: Int) -> String {
        count == 0 ? "aucun panier" : count == 1 ? "1 panier" : "\(FrenchFormat.integer(count)) paniers"
    }

    /// Text or attribute value made inert: `&`, `<`, `>`, `"` and `'` as entities.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static let style = """
        body { font-family: "DejaVu Sans", sans-serif; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; color: #111; line-height: 1.4; }
        h1 { font-size: 1.6rem; margin-bottom: .5rem; }
        h2 { font-size: 1.2rem; margin-top: 1.5rem; border-bottom: 1px solid #999; }
        ol { padding-left: 1.4rem; }
        li.session { margin-bottom: .8rem; }
        a { color: #0645ad; }
        form { background: #f2f2f2; padding: .6rem; }
        img.preview { max-width: 100%; height: auto; border: 1px solid #999; }
        @media print {
          form, img.preview, h2:last-of-type { display: none; }
          body { margin: 0; max-width: none; }
          a { color: #000; text-decoration: none; }
        }
        """
}
