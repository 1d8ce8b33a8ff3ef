<%@ include file="_top.jspf" %>
<p><a id="oie-sign-in-again" href="${fn:escapeXml(oie.signInUrl)}"><fmt:message key="oie.button.signInAgain" bundle="${oieText}"/></a></p>
<p><a id="oie-home" href="${fn:escapeXml(oie.homeUrl)}"><fmt:message key="oie.button.home" bundle="${oieText}"/></a></p>
<%@ include file="_bottom.jspf" %>
