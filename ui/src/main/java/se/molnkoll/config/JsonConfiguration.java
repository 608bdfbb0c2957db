package se.molnkoll.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Two JSON mappers with different duties. The API's mapper is strict (application.properties): an
 * unknown or misspelt field is refused, since silently dropping, say, "validUntill" would record
 * evidence that never lapses. Axon's mapper reads stored events and must stay lenient, so that an
 * event written by an older version with a field that no longer exists still loads.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.createXmlMapper(false).build();
    }

    /** Axon picks the mapper by this bean name. */
    @Bean
    ObjectMapper defaultAxonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.createXmlMapper(false).build()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
