package se.molnkoll.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/** A request body's text, and what of it is shown back in an answer. */
final class BodyText {

    /** Stands for bytes that are not valid in the body's charset; no valid text decodes to a lone surrogate. */
    private static final String UNDECODABLE = "\uDFFF";
    /** An unknown field's name is echoed in the answer: never longer than this. */
    private static final int LONGEST_ECHOED_NAME = 100;

    private BodyText() {
    }

    /**
     * The body as text. Bytes that are not valid in the charset become a lone surrogate, which the
     * storable-text check of the field holding them refuses as broken Unicode: decoding them as the
     * replacement character (what a Reader does) would store U+FFFD where the client sent something else.
     */
    static String decode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 16);
        StringBuilder text = new StringBuilder(out.capacity());
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            text.append(out.flip());
            out.clear();
            if (result.isUnderflow()) break;
            if (result.isError()) {
                text.append(UNDECODABLE);
                in.position(in.position() + result.length());
            } // else overflow: the output was emptied, go on
        }
        while (decoder.flush(out).isOverflow()) {
            text.append(out.flip());
            out.clear();
        }
        return text.append(out.flip()).toString();
    }

    /** A name the client sent, fit to be shown back: no longer than a line, no broken Unicode. */
    static String echoed(String name) {
        String shown = name.length() > LONGEST_ECHOED_NAME ? name.substring(0, LONGEST_ECHOED_NAME) + "…" : name;
        StringBuilder clean = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < shown.length() && Character.isLowSurrogate(shown.charAt(i + 1))) {
                clean.append(c).append(shown.charAt(++i));
            } else {
                clean.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return clean.toString();
    }
}
