package uk.gov.local.healthcheck.loadgen;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortalSignInTest {

    /** As Keycloak's login theme writes it: other forms first, the action's ampersands escaped. */
    private static final String LOGIN_PAGE = """
            <html><body>
            <form id="kc-select-locale" action="http://127.0.0.1:8180/realms/healthcheck/locale" method="post"></form>
            <div id="kc-form-wrapper">
              <form id="kc-form-login" onsubmit="login.disabled = true; return true;"
                    action="http://127.0.0.1:8180/realms/healthcheck/login-actions/authenticate?session_code=abc-123&amp;execution=9f1e&amp;client_id=portal&amp;tab_id=Xy_z&#45;1"
                    method="post">
                <input id="username" name="username" type="text"/>
              </form>
            </div>
            </body></html>
            """;

    @Test
    void theLoginFormsActionWithItsEscapesUndone() {
        assertEquals("http://127.0.0.1:8180/realms/healthcheck/login-actions/authenticate?session_code=abc-123&execution=9f1e"
                + "&client_id=portal&tab_id=Xy_z-1", PortalSignIn.loginFormAction(LOGIN_PAGE));
    }

    @Test
    void singleQuotesAndAttributesInAnyOrder() {
        assertEquals("/login?a=1&b=2", PortalSignIn.loginFormAction("<FORM method=post action='/login?a=1&amp;b=2' id='kc-form-login'>"));
    }

    @Test
    void noLoginFormIsNull() {
        assertNull(PortalSignIn.loginFormAction("<html><form id=\"kc-select-locale\" action=\"/locale\"></form></html>"));
        assertNull(PortalSignIn.loginFormAction("<form data-id=\"kc-form-login\" action=\"/x\">"));
        assertNull(PortalSignIn.loginFormAction(null));
    }

    @Test
    void characterReferences() {
        assertEquals("Invalid username or password. <'\"&'>", PortalSignIn.unescape("Invalid username or password. &lt;&#39;&quot;&amp;&apos;&#x3e;"));
    }

    @Test
    void cookiesAreSentAsOneHeaderAndRenewedOrRemovedBySetCookie() {
        PortalCookies cookies = PortalCookies.of(List.of("q_session=id.token", "q_session_at=access", "q_session_rt=refresh", "portal-csrf=x"));
        assertTrue(cookies.hasSession());
        assertEquals("q_session=id.token; q_session_at=access; q_session_rt=refresh; portal-csrf=x", cookies.header());
        cookies.update(List.of("q_session=new.id; Path=/; Max-Age=1800; HttpOnly; SameSite=Lax",
                "q_session_rt=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
        assertEquals("q_session=new.id; q_session_at=access; portal-csrf=x", cookies.header());
        assertFalse(PortalCookies.of(List.of("KC_RESTART=x")).hasSession());
    }

    @Test
    void onALoopbackHostSecureCookiesAreKeptAsABrowserKeepsThem() throws Exception {
        PortalSignIn.LoopbackCookieManager jar = new PortalSignIn.LoopbackCookieManager();
        java.net.URI keycloak = java.net.URI.create("http://127.0.0.1:8180/realms/healthcheck/protocol/openid-connect/auth");
        jar.put(keycloak, java.util.Map.of("Set-Cookie", List.of("AUTH_SESSION_ID=abc;Version=1;Path=/realms/healthcheck/;SameSite=None;Secure;HttpOnly")));
        String sent = String.join("; ", jar.get(java.net.URI.create("http://127.0.0.1:8180/realms/healthcheck/login-actions/x"),
                java.util.Map.of()).get("Cookie"));
        assertTrue(sent.matches(".*AUTH_SESSION_ID=\"?abc\"?.*"), sent);

        PortalSignIn.LoopbackCookieManager remote = new PortalSignIn.LoopbackCookieManager();
        java.net.URI elsewhere = java.net.URI.create("http://portal.example/realms/x");
        remote.put(elsewhere, java.util.Map.of("Set-Cookie", List.of("AUTH_SESSION_ID=abc; Path=/; Secure")));
        assertTrue(remote.get(elsewhere, java.util.Map.of()).getOrDefault("Cookie", List.of()).isEmpty(),
                "elsewhere Secure still means HTTPS only");
    }
}
