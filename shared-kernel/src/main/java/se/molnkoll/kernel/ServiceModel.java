package se.molnkoll.kernel;

/** How much of the stack the provider runs; it shapes the split of responsibilities (measure 1). */
public enum ServiceModel {
    SAAS, PAAS, IAAS
}
