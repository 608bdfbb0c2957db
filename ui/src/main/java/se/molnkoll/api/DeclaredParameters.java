package se.molnkoll.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.molnkoll.requests.StrictParameters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A query parameter the operation does not take is refused (400, naming it), as an unknown field of a
 * body is: a misspelt {@code phsae=ACQUIRE} would otherwise answer every phase, and an old
 * {@code /api/audit?format=csv} a page instead of an export. The parameters an operation takes are its
 * {@code @RequestParam}s, which are also what the OpenAPI document declares.
 */
@Configuration(proxyBeanMethods = false)
class DeclaredParameters implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().equals(getClass().getPackageName())) {
            return true;
        }
        Set<String> taken = taken(method);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        // the query string's names only: a form body's fields are not parameters of a JSON operation (it answers 415)
        for (String name : StrictParameters.names(request.getQueryString())) {
            if (!taken.contains(name)) {
                problems.add(new InvalidInputException.FieldProblem(name, taken.isEmpty()
                        ? "is not a parameter of this operation, which takes none"
                        : "is not a parameter of this operation, which takes " + String.join(", ", taken)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return true;
    }

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    /** The names of the query parameters (and multipart parts) the handler method takes. */
    private static Set<String> taken(HandlerMethod method) {
        Set<String> names = new LinkedHashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                parameter.initParameterNameDiscovery(NAMES);
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                names.add(name);
            }
        }
        return names;
    }
}
