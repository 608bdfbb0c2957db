package se.molnkoll.pages.layout;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Locale;

/**
 * The pages speak Swedish unless the user picks English ({@code ?lang=en}, remembered in a cookie).
 * Texts come from {@code messages_sv} and {@code messages_en}; there is no third, silent fallback.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    public static final Locale SWEDISH = Locale.forLanguageTag("sv");
    public static final Locale ENGLISH = Locale.ENGLISH;

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(SWEDISH);
        // every text goes through MessageFormat, so a quote is written the same way with or without arguments
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("molnkoll-lang");
        resolver.setDefaultLocale(SWEDISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax"); // as the session cookie (application.properties)
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            /** Swedish or English; anything else (lang=de) falls back to the default, Swedish. */
            @Override
            protected Locale parseLocaleValue(String value) {
                Locale locale = super.parseLocaleValue(value);
                return locale != null && (locale.getLanguage().equals("sv") || locale.getLanguage().equals("en"))
                        ? Locale.forLanguageTag(locale.getLanguage()) : null;
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
