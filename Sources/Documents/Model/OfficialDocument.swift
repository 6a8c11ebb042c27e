/// The kinds of document the program makes, each with its template file in Resources/templates (an office's own
/// file of the same name in `<data folder>/templates/` replaces it).
public enum DocumentKind: String, CaseIterable, Equatable, Sendable {
    case plan, decision, yearReport, summaryReport, evaluation

    /// The template's file name, in Vietnamese without marks, as an office sees it in its folder.
    public var templateFile: String {
        switch self {
        case .plan: return "ke-hoach.docx"
        case .decision: return "quyet-dinh.docx"
        case .yearReport: return "bao-cao-tong-ket.docx"
        case .summaryReport: return "bao-cao-tong-hop.docx"
        case .evaluation: return "danh-gia-xep-loai.docx"
        }
    }
}

/// An administrative document in the layout of Decree 30/2020/NĐ-CP (Appendix I): the issuing body in two lines
/// beside the national motto and slogan, number and symbol, place and date, the kind and the subject, the body,
/// "Nơi nhận" beside the signature block (authority, title, full name), and in the footer the audit trail's head
/// so `audit verify --anchor` can check the data against the paper. Every word is given by the caller (the
/// catalogs), so this type knows the layout and no language.
public struct OfficialDocument: Equatable, Sendable {
    public var kind: DocumentKind
    /// The body above the issuer ("UBND XÃ NGHĨA SƠN"); empty when the issuer has none above it.
    public var superiorBody: String
    /// The issuer ("TRUNG TÂM HỌC TẬP CỘNG ĐỒNG", or "ỦY BAN NHÂN DÂN\nXÃ NGHĨA SƠN").
    public var issuingBody: String
    public var motto: String
    public var slogan: String
    /// "Số: …/KH-TTHTCĐ", with the register number or a space left for it.
    public var number: String
    /// "Nghĩa Sơn, ngày 20 tháng 01 năm 2026"
    public var placeAndDate: String
    /// "KẾ HOẠCH", "QUYẾT ĐỊNH", "BÁO CÁO"
    public var title: String
    /// What it is about (trích yếu), under the title.
    public var subject: String
    public var body: [Block]
    /// "Nơi nhận:"
    public var recipientsLabel: String
    public var recipients: [String]
    /// "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN" or empty.
    public var signingAuthority: String
    /// "GIÁM ĐỐC", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    public var signerTitle: String
    /// Empty when the data does not say who signs: the line is left for the name to be written by hand.
    public var signerName: String
    /// The audit trail's head, as the footer says it.
    public var footer: String

    public init(kind: DocumentKind, superiorBody: String, issuingBody: String, motto: String, slogan: String,
                number: String, placeAndDate: String, title: String, subject: String, body: [Block],
                recipientsLabel: String, recipients: [String], signingAuthority: String, signerTitle: String,
                signerName: String, footer: String) {
        self.kind = kind
        self.superiorBody = superiorBody
        self.issuingBody = issuingBody
        self.motto = motto
        self.slogan = slogan
        self.number = number
        self.placeAndDate = placeAndDate
        self.title = title
        self.subject = subject
        self.body = body
        self.recipientsLabel = recipientsLabel
        self.recipients = recipients
        self.signingAuthority = signingAuthority
        self.signerTitle = signerTitle
        self.signerName = signerName
        self.footer = footer
    }
}

/// The placeholders a template holds, each written `{{NAME}}` in the .docx. Every one must be there, and no
/// other: a template that lacks one or holds an unknown one is refused, naming it.
public enum Placeholder: String, CaseIterable, Sendable {
    case superiorBody = "CO_QUAN_CHU_QUAN"
    case issuingBody = "CO_QUAN_BAN_HANH"
    case motto = "QUOC_HIEU"
    case slogan = "TIEU_NGU"
    case number = "SO_KY_HIEU"
    case placeAndDate = "DIA_DANH_NGAY"
    case title = "TEN_LOAI"
    case subject = "TRICH_YEU"
    case body = "NOI_DUNG"
    case recipientsLabel = "NOI_NHAN_TIEU_DE"
    case recipients = "NOI_NHAN"
    case signingAuthority = "QUYEN_HAN_KY"
    case signerTitle = "CHUC_VU_KY"
    case signerName = "HO_TEN_KY"
    case auditHead = "DAU_NHAT_KY"

    /// Placeholders that stand for whole paragraphs and tables: each must be alone in its paragraph.
    public var isBlock: Bool { self == .body || self == .recipients }
}

extension OfficialDocument {
    /// What each placeholder becomes.
    public var values: [Placeholder: TemplateValue] {
        [
            .superiorBody: .text(superiorBody), .issuingBody: .text(issuingBody), .motto: .text(motto),
            .slogan: .text(slogan), .number: .text(number), .placeAndDate: .text(placeAndDate), .title: .text(title),
            .subject: .text(subject), .body: .blocks(body), .recipientsLabel: .text(recipientsLabel),
            .recipients: .blocks(recipients.map { .paragraph(Paragraph([Run($0)])) }),
            .signingAuthority: .text(signingAuthority), .signerTitle: .text(signerTitle), .signerName: .text(signerName),
            .auditHead: .text(footer),
        ]
    }
}

/// What a placeholder is replaced with: text (line breaks kept), or paragraphs and tables.
public enum TemplateValue: Equatable, Sendable {
    case text(String)
    case blocks([Block])
}
