package se.molnkoll.kernel.violation;

import org.springframework.util.StringUtils;

/** Breaks a rule on purpose (RulesBiteTest): the kernel using Spring. */
public class KernelWithSpring {
    public boolean named(String name) {
        return StringUtils.hasText(name);
    }
}
