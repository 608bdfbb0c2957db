package se.molnkoll.documents;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.io.IOException;

/**
 * A document over the limit is refused while the request is read, before any controller is chosen,
 * so no controller's advice sees it: the API answers 413 as problem+json, a page shows the error page.
 */
@ControllerAdvice
class TooLargeDocuments {

    private final DataSize maxSize;

    TooLargeDocuments(@Value("${molnkoll.documents.max-size:20MB}") DataSize maxSize) {
        this.maxSize = maxSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value()); // the error page says it in the user's language
            return null;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The document is larger than " + maxSize.toMegabytes() + " MB (molnkoll.documents.max-size); nothing was stored");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
