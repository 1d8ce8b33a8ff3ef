<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><%@
 taglib prefix="c" uri="jakarta.tags.core" %><!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>Acme sign-in</title></head>
<body>
<h1 id="acme">Welcome to Acme</h1>
<c:forEach var="key" items="${oie.messageKeys}"><p class="error"><c:out value="${key}"/></p></c:forEach>
<form method="post" action="<c:out value='${oie.identifyUrl}'/>">
  <input type="hidden" name="${oie.csrfParameter}" value="<c:out value='${oie.csrfToken}'/>">
  <input type="hidden" name="step" value="<c:out value='${oie.stepId}'/>">
  <input type="text" name="identifier" value="<c:out value='${oie.identifier}'/>">
  <c:if test="${oie.passwordOnSignIn}"><input type="password" name="password"></c:if>
  <button type="submit">Continue</button>
</form>
</body></html>
