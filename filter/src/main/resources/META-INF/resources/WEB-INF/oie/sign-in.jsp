<%@ include file="_top.jspf" %>
<c:if test="${oie.recovering}"><p><fmt:message key="oie.text.recover" bundle="${oieText}"/></p></c:if>
<form method="post" action="${fn:escapeXml(oie.identifyUrl)}" id="oie-identify" autocomplete="on">
  <%@ include file="_hidden.jspf" %>
  <label for="identifier"><fmt:message key="oie.label.identifier" bundle="${oieText}"/></label>
  <input type="text" id="identifier" name="identifier" value="${fn:escapeXml(oie.identifier)}" autocomplete="username" required autofocus<c:if test="${oie.invalid('identifier')}"> aria-invalid="true" aria-describedby="oie-error-identifier"</c:if>>
  <c:set var="oieField" value="identifier"/><%@ include file="_errors.jspf" %>
  <c:if test="${oie.passwordOnSignIn}">
    <label for="password"><fmt:message key="oie.label.password" bundle="${oieText}"/></label>
    <input type="password" id="password" name="password" autocomplete="current-password" required<c:if test="${oie.invalid('password')}"> aria-invalid="true" aria-describedby="oie-error-password"</c:if>>
    <c:set var="oieField" value="password"/><%@ include file="_errors.jspf" %>
  </c:if>
  <c:if test="${oie.rememberMeOffered and not oie.recovering}">
    <label class="check"><input type="checkbox" id="rememberMe" name="rememberMe" value="true"> <fmt:message key="oie.label.rememberMe" bundle="${oieText}"/></label>
  </c:if>
  <button type="submit" id="oie-submit"><fmt:message key="${oie.passwordOnSignIn ? 'oie.button.signIn' : 'oie.button.next'}" bundle="${oieText}"/></button>
</form>
<%@ include file="_forgot.jspf" %>
<c:if test="${oie.unlockAvailable and not oie.recovering}">
<form method="post" action="${fn:escapeXml(oie.unlockUrl)}" id="oie-unlock">
  <%@ include file="_hidden.jspf" %>
  <button type="submit" class="link" id="oie-unlock-button"><fmt:message key="oie.button.unlock" bundle="${oieText}"/></button>
</form>
</c:if>
<c:if test="${oie.signUpAvailable}">
<form method="post" action="${fn:escapeXml(oie.signUpUrl)}" id="oie-sign-up">
  <%@ include file="_hidden.jspf" %>
  <button type="submit" class="link"><fmt:message key="oie.button.signUp" bundle="${oieText}"/></button>
</form>
</c:if>
<c:if test="${oie.recovering}"><%@ include file="_restart.jspf" %></c:if>
<%@ include file="_bottom.jspf" %>
