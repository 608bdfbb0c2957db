package se.molnkoll.support;

import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the exchanges of a test's MockMvc into the same net as {@link Api}'s ({@link Contract}): import it
 * beside {@code @AutoConfigureMockMvc}. A request signed in by the test (Spring Security's
 * {@code user(…)}) carries no credentials; one that got past 401 is checked as a signed-in one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContractForMockMvc {

    @Bean
    MockMvcBuilderCustomizer everyExchangeAgainstTheContract() {
        return builder -> builder.alwaysDo(ContractForMockMvc::check);
    }

    static void check(MvcResult result) throws Exception {
        MockHttpServletRequest request = result.getRequest();
        MockHttpServletResponse response = result.getResponse();
        if (response.getStatus() >= 400 && response.getContentAsByteArray().length == 0) {
            // an error sent to the container (sendError): MockMvc does not dispatch to the error page that
            // writes its problem+json; the tests over real HTTP check that answer
            return;
        }
        if (request.isAsyncStarted() && response.getContentAsByteArray().length == 0) {
            // a streamed answer (a report, an export) is written after MockMvc returns; the scenarios over real HTTP,
            // which pass every exchange to the contract too, check it whole
            return;
        }
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            requestHeaders.put(name, Collections.list(request.getHeaders(name)));
        }
        // every API operation needs a signed-in user: past 401, the test signed the request in
        if (!requestHeaders.containsKey("Authorization") && response.getStatus() != 401) {
            requestHeaders.put("Authorization", List.of("Basic dGVzdDp0ZXN0"));
        }
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            responseHeaders.put(name, response.getHeaders(name));
        }
        if (response.getContentType() != null) {
            responseHeaders.putIfAbsent("Content-Type", List.of(response.getContentType()));
        }
        String query = request.getQueryString();
        URI uri = URI.create("http://localhost" + request.getRequestURI() + (query == null ? "" : "?" + query));
        byte[] body = request.getContentAsByteArray();
        Contract.check(new Contract.Exchange(request.getMethod(), uri, requestHeaders, body == null ? new byte[0] : body,
                response.getStatus(), responseHeaders, response.getContentAsByteArray()));
    }
}
