package se.molnkoll.documents;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The largest document accepted (molnkoll.documents.max-size, default 20 MB); a larger one is
 * answered 413 and nothing is stored.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentLimits {

    @Bean
    MultipartConfigElement multipartConfigElement(@Value("${molnkoll.documents.max-size:20MB}") DataSize maxSize) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(maxSize);
        factory.setMaxRequestSize(requestLimit(maxSize));
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }

    /** The largest request that carries a document: the document plus the rest of the form. */
    static DataSize requestLimit(DataSize maxSize) {
        // the rest of the multipart request (boundaries, headers, the form's other fields) is small
        return DataSize.ofBytes(maxSize.toBytes() + DataSize.ofMegabytes(1).toBytes());
    }
}
