import Hummingbird

/// `/groups/{id}`: the coordinators' page, for a browser. A link can carry the token once as
/// `?token=`: the answer sets it as an HttpOnly cookie and redirects (303) to the same page
/// without it, so it leaves the address bar and the history.
struct GroupPageController {
    let service: DocumentService

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("groups/:id") { request, context in
            let id = try Parameters.id(context)
            let query = request.uri.queryParameters
            let layout = try Parameters.presetName(query.get("layout").flatMap { $0.isEmpty ? nil : $0 })
            let page = "/groups/\(id)" + (layout.map { "?layout=\($0)" } ?? "")
            if let given = query.get("token") {
                let token = try Parameters.cookieSafeToken(given)
                try await service.checkToken(token)
                return Response(status: .seeOther, headers: [
                    .location: page,
                    .setCookie: "\(Parameters.tokenCookie)=\(token); HttpOnly; SameSite=Strict; Path=/",
                    .cacheControl: "no-store",
                    .referrerPolicy: "no-referrer",
                ])
            }
            let answer = try await service.groupPage(id, layout: layout, token: Parameters.token(request.headers))
            return Response(status: .ok, headers: [
                .contentType: "text/html; charset=utf-8",
                .cacheControl: "private, no-cache",
                // No script may run, whatever a name from the database holds.
                .contentSecurityPolicy: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'",
                .xContentTypeOptions: "nosniff",
                .referrerPolicy: "no-referrer",
            ], body: ResponseBody(byteBuffer: ByteBuffer(string: GroupPageHTML(page: answer).render())))
        }
    }
}

extension HTTPFields.Element.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
}
