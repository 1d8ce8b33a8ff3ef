<%@ include file="_top.jspf" %>
<h1><fmt:message key="oie.title.signIn" bundle="${oieText}"/></h1>
<form method="post" action="${fn:escapeXml(oie.identifyUrl)}" id="oie-identify" autocomplete="on">
  <input type="hidden" name="${oie.csrfParameter}" value="${fn:escapeXml(oie.csrfToken)}">
  <label for="identifier"><fmt:message key="oie.label.identifier" bundle="${oieText}"/></label>
  <input type="text" id="identifier" name="identifier" value="${fn:escapeXml(oie.identifier)}" autocomplete="username" required autofocus>
  <c:if test="${oie.passwordOnSignIn}">
    <label for="password"><fmt:message key="oie.label.password" bundle="${oieText}"/></label>
    <input type="password" id="password" name="password" autocomplete="current-password" required>
  </c:if>
  <button type="submit" id="oie-submit"><fmt:message key="${oie.passwordOnSignIn ? 'oie.button.signIn' : 'oie.button.next'}" bundle="${oieText}"/></button>
</form>
<%@ include file="_bottom.jspf" %>
