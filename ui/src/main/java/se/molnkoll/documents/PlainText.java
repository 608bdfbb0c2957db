package se.molnkoll.documents;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Plain text, judged by reading it: an encoding Windows and Office write, no control characters, no markup. */
final class PlainText {

    private static final Pattern MARKUP = Pattern.compile(
            "(?is)^\\s*<[a-z!?/]|<\\s*(script|html|body|svg|iframe|object|embed)\\b|javascript:");

    private PlainText() {
    }

    /** Text as Windows and Office write it; no control characters but tab, line and page breaks; no markup. */
    static Optional<DocumentTypes.DocumentType> detect(byte[] content) {
        String text;
        String charset;
        if (Bytes.startsWith(content, 0xFF, 0xFE) || Bytes.startsWith(content, 0xFE, 0xFF)) {
            text = decode(content, StandardCharsets.UTF_16);
            charset = "UTF-16";
        } else if ((text = decode(content, StandardCharsets.UTF_8)) != null) {
            charset = "UTF-8";
        } else {
            text = decode(content, Charset.forName("windows-1252"));
            charset = "windows-1252";
        }
        if (text == null) return Optional.empty();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) return Optional.empty();
        }
        if (MARKUP.matcher(text.replace("\ufeff", "")).find()) return Optional.empty();
        return Optional.of(new DocumentTypes.DocumentType("text/plain;charset=" + charset,
                DocumentTypes.TEXT_EXTENSIONS.toArray(String[]::new)));
    }

    /** The text, or null if the bytes are not valid in the charset (Windows-1252 leaves five bytes undefined). */
    private static String decode(byte[] content, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
