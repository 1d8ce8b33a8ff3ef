<%@ include file="_top.jspf" %>
<%-- The same page whether or not Okta sent anything: it must not tell whether the account exists. --%>
<p id="oie-activation-text"><fmt:message key="oie.text.activationEmail" bundle="${oieText}"/></p>
<%@ include file="_restart.jspf" %>
<%@ include file="_bottom.jspf" %>
