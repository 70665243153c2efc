import CCurl

/// Owns one libcurl easy handle (and its recipient list), freed in deinit. Not Sendable: one thread at a time.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private let relayURL: String
    private var recipients: UnsafeMutablePointer<curl_slist>?
    private var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

    init(relay: String) throws(MailSendError) {
        guard let handle = curl_easy_init() else {
            throw MailSendError(kind: .connection, smtpCode: nil, curlCode: Int(CURLE_FAILED_INIT.rawValue),
                                curlMessage: "curl_easy_init failed", relay: relay)
        }
        self.handle = handle
        self.relayURL = relay
    }

    deinit {
        curl_slist_free_all(recipients)
        curl_easy_cleanup(handle)
    }

    /// The relay's last answer code, if there was a conversation.
    var responseCode: Int? {
        var code = 0
        guard cageot_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK, code > 0 else { return nil }
        return code
    }

    func send(_ bytes: [UInt8], relay: SMTPRelay, from: String, to: [String]) throws(MailSendError) {
        for address in to { recipients = curl_slist_append(recipients, "<\(address)>") }
        let upload = Upload(bytes)
        let uploadPointer = Unmanaged.passRetained(upload).toOpaque()
        defer { Unmanaged<Upload>.fromOpaque(uploadPointer).release() }
        let tls: curl_usessl = switch relay.tls {
        case .required: CURLUSESSL_ALL
        case .optional: CURLUSESSL_TRY
        case .none: CURLUSESSL_NONE
        }
        let code = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            var code = cageot_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            func set(_ result: CURLcode) { if code == CURLE_OK { code = result } }
            set(cageot_curl_setopt_string(handle, CURLOPT_URL, relay.url))
            set(cageot_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
            set(cageot_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(tls.rawValue)))
            set(cageot_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, relay.timeoutSeconds))
            set(cageot_curl_setopt_long(handle, CURLOPT_TIMEOUT, relay.timeoutSeconds))
            set(cageot_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(from)>"))
            set(cageot_curl_setopt_pointer(handle, CURLOPT_MAIL_RCPT, recipients))
            if let caFile = relay.caFile { set(cageot_curl_setopt_string(handle, CURLOPT_CAINFO, caFile)) }
            if let user = relay.user { set(cageot_curl_setopt_string(handle, CURLOPT_USERNAME, user)) }
            if let password = relay.password { set(cageot_curl_setopt_string(handle, CURLOPT_PASSWORD, password)) }
            set(cageot_curl_setopt_long(handle, CURLOPT_UPLOAD, 1))
            set(cageot_curl_setopt_offset(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(bytes.count)))
            set(cageot_curl_setopt_read_function(handle, readUpload))
            set(cageot_curl_setopt_pointer(handle, CURLOPT_READDATA, uploadPointer))
            guard code == CURLE_OK else { return code }
            return curl_easy_perform(handle)
        }
        // The error buffer is only ours while perform runs; point curl away from it.
        _ = cageot_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, nil)
        if code == CURLE_OK { return }
        let message = errorBuffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        throw failure(code, message: message.isEmpty ? String(cString: curl_easy_strerror(code)) : message)
    }

    private func failure(_ code: CURLcode, message: String) -> MailSendError {
        // Below 400 the last answer is not the failure (250 to EHLO when STARTTLS is missing).
        let smtpCode = responseCode.flatMap { $0 >= 400 ? $0 : nil }
        let kind: MailSendError.Kind
        switch (smtpCode, code) {
        case (_, CURLE_LOGIN_DENIED), (_, CURLE_USE_SSL_FAILED), (_, CURLE_PEER_FAILED_VERIFICATION):
            kind = .permanent
        case (.some(400..<500), _): kind = .temporary
        case (.some(500..<600), _): kind = .permanent
        case (_, CURLE_COULDNT_CONNECT), (_, CURLE_COULDNT_RESOLVE_HOST), (_, CURLE_OPERATION_TIMEDOUT),
             (_, CURLE_SEND_ERROR), (_, CURLE_RECV_ERROR), (_, CURLE_GOT_NOTHING), (_, CURLE_SSL_CONNECT_ERROR),
             (_, CURLE_WEIRD_SERVER_REPLY):
            kind = .connection
        default: kind = .permanent
        }
        return MailSendError(kind: kind, smtpCode: smtpCode, curlCode: Int(code.rawValue), curlMessage: message, relay: relayURL)
    }
}

/// The message's bytes and how far libcurl has read them.
private final class Upload {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// CURLOPT_READFUNCTION: copies the next bytes of the Upload in `userdata`.
private let readUpload: curl_read_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let upload = Unmanaged<Upload>.fromOpaque(userdata).takeUnretainedValue()
    let length = min(size * count, upload.bytes.count - upload.offset)
    upload.bytes.withUnsafeBufferPointer { source in
        UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + upload.offset, byteCount: length)
    }
    upload.offset += length
    return length
}
