package io.firstsecretary.kit.security;

import io.firstsecretary.kit.web.ForbiddenException;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.UnprocessableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The one place where every API operation is checked: the caller must hold the operation's
 * {@link Requires scope}, and the bureau in the path must lie within the caller's reach. A bureau
 * outside it answers 404, exactly as one that does not exist, so a sibling's existence is not
 * revealed; an operation on a member's own things ({@link Scope#SELF}) is the member's alone, or
 * the office's.
 */
public class TenantGuard implements HandlerInterceptor {

    private final BureauTree tree;

    public TenantGuard(BureauTree tree) {
        this.tree = tree;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || method.hasMethodAnnotation(PublicEndpoint.class)) {
            return true;
        }
        Requires requires = method.getMethodAnnotation(Requires.class);
        if (requires == null) {
            requires = method.getBeanType().getAnnotation(Requires.class);
        }
        if (requires == null) {
            throw new ForbiddenException("This operation is open to no caller");
        }
        Caller caller = Callers.current();
        if (!caller.has(requires.value())) {
            throw new ForbiddenException(
                    "This operation needs the scope " + requires.value().value());
        }
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String bureau = variables == null ? null : variables.get("bureau");
        if (bureau != null && !reaches(caller, bureau)) {
            throw new NotFoundException("No bureau " + bureau);
        }
        if (requires.value() == Scope.SELF && variables != null && variables.containsKey("member")) {
            String member = variables.get("member");
            if (!member.equals(caller.member()) && !caller.has(Scope.NOTIFICATIONS_MANAGE)) {
                throw new NotFoundException("No member " + member + " in bureau " + bureau);
            }
        }
        return true;
    }

    /**
     * Refuses to place a bureau under {@code parent}, as a new bureau or by moving one: a root bureau
     * is the operator's alone, and a parent outside the caller's reach is as unknown as one that
     * does not exist. Moving a bureau checks both its old parent and its new one, so nobody moves a
     * bureau out of, or into, a subtree he does not manage.
     */
    public void requirePlacement(Caller caller, String parent) {
        if (parent == null) {
            if (caller.reach() != Role.Reach.EVERY_BUREAU) {
                throw new ForbiddenException("Only the platform operator registers or moves a root bureau");
            }
        } else if (!reaches(caller, parent)) {
            throw new UnprocessableException("parent", "No bureau " + parent);
        }
    }

    /** Whether {@code caller} may act on {@code bureau}: its own, or below it for a subtree role. */
    public boolean reaches(Caller caller, String bureau) {
        return switch (caller.reach()) {
            case EVERY_BUREAU -> true;
            case OWN_BUREAU -> bureau.equals(caller.bureau());
            case SUBTREE ->
                caller.bureau() != null
                        && (bureau.equals(caller.bureau())
                                || tree.pathOf(bureau)
                                        .map(path -> path.contains(caller.bureau()))
                                        .orElse(false));
        };
    }
}
