package dev.virtcpu.model;

/** A model signature: family, model and an optional stepping bitmap over 0–15 (-1: any). */
public record Signature(int family, int model, int steppings) {
    public boolean matches(int family, int model, int stepping) {
        return this.family == family && this.model == model
                && (steppings < 0 || (steppings & (1 << stepping)) != 0);
    }
}
