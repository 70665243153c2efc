import CXLSXWriter

extension Format {
    /// Sets this style on a fresh libxlsxwriter format (which copies every string it is given).
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if isBold { format_set_bold(format) }
        if isItalic { format_set_italic(format) }
        if let fontSize { format_set_font_size(format, fontSize) }
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if let horizontalAlignment {
            let value = switch horizontalAlignment {
            case .left: LXW_ALIGN_LEFT
            case .center: LXW_ALIGN_CENTER
            case .right: LXW_ALIGN_RIGHT
            }
            format_set_align(format, UInt8(value.rawValue))
        }
        if let verticalAlignment {
            let value = switch verticalAlignment {
            case .top: LXW_ALIGN_VERTICAL_TOP
            case .center: LXW_ALIGN_VERTICAL_CENTER
            case .bottom: LXW_ALIGN_VERTICAL_BOTTOM
            }
            format_set_align(format, UInt8(value.rawValue))
        }
        if wrapsText { format_set_text_wrap(format) }
        if let border {
            let value = switch border {
            case .thin: LXW_BORDER_THIN
            case .medium: LXW_BORDER_MEDIUM
            case .thick: LXW_BORDER_THICK
            case .dotted: LXW_BORDER_DOTTED
            case .dashed: LXW_BORDER_DASHED
            case .double: LXW_BORDER_DOUBLE
            }
            format_set_border(format, UInt8(value.rawValue))
        }
        if let backgroundColor {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, backgroundColor.rgb)
        }
    }
}
